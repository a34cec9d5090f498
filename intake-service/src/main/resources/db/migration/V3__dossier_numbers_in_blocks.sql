-- Each intake instance reserves 50 dossier numbers per nextval (DossierCodes): one round trip per 50 dossiers.
ALTER SEQUENCE dossier_number INCREMENT BY 50;
