package vn.motcua.intake.api;

import io.quarkus.cache.CacheManager;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.intake.Dossiers;
import vn.motcua.testkit.InfrastructureResource;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** An unknown procedure or unit code is refused without growing any cache: a client cannot fill the memory. */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class UnknownCodesTest {

    private static final String RECEIVED_AT = "2022-03-01T08:00:00+07:00";
    private static final char[] UPPER_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();

    @Inject
    CacheManager caches;

    @Test
    void wellFormedUnknownCodesAreRefusedAndNotRemembered() {
        Dossiers.post(Dossiers.direct("1.004873", "SADEC-P1", RECEIVED_AT)).statusCode(201);
        int units = size("units");
        int procedures = size("procedures");
        assertThat(units).isPositive();
        assertThat(procedures).isPositive();

        for (int i = 0; i < 200; i++) {
            String unit = "X-" + randomOf(UPPER_AND_DIGITS, 1 + random.nextInt(28));
            assertThat(refusal(Dossiers.direct("1.004873", unit, RECEIVED_AT)))
                    .contains("\"errors\":[{\"field\":\"unitCode\",\"message\":\"unknown unit " + unit + "\"}]");
            String procedure = "9." + randomOf("0123456789".toCharArray(), 1 + random.nextInt(20));
            assertThat(refusal(Dossiers.direct(procedure, "SADEC-P1", RECEIVED_AT))).contains(
                    "\"errors\":[{\"field\":\"procedureCode\",\"message\":\"unknown procedure " + procedure + "\"}]");
        }

        assertThat(size("units")).isLessThanOrEqualTo(units);
        assertThat(size("procedures")).isLessThanOrEqualTo(procedures);
        // Known codes are still answered from memory.
        Dossiers.post(Dossiers.direct("1.004873", "SADEC-P1", RECEIVED_AT)).statusCode(201);
    }

    /** Checked for form and length before any look-up. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "unitCode, sadec-p1",
            "unitCode, SADEC P1",
            "unitCode, SADEC-P1-AAAAAAAAAAAAAAAAAAAAAAAAAA",
            "procedureCode, '1.004873 '",
            "procedureCode, 1_004873",
            "procedureCode, 1.0048730000000000000000000000000"
    })
    void malformedCodesAreRefusedForTheirForm(String field, String code) {
        Map<String, Object> body = new HashMap<>(Dossiers.direct("1.004873", "SADEC-P1", RECEIVED_AT));
        body.put(field, code);
        int sizeBefore = size(field.equals("unitCode") ? "units" : "procedures");
        Dossiers.post(body).statusCode(400)
                .body("errors.field", equalTo(List.of(field)))
                .body("errors[0].message", containsString("must be 1-32"));
        assertThat(size(field.equals("unitCode") ? "units" : "procedures")).isLessThanOrEqualTo(sizeBefore);
    }

    /** The problem's text: cheaper to check than through RestAssured's path expressions, hundreds of times. */
    private static String refusal(Map<String, Object> body) {
        return Dossiers.post(body).statusCode(400).extract().asString();
    }

    private int size(String cache) {
        return caches.getCache(cache).orElseThrow().as(CaffeineCache.class).keySet().size();
    }

    private String randomOf(char[] alphabet, int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(code);
    }
}
