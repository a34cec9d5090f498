package vn.motcua.intake.app;

/**
 * Who did something, for the records (applicant reads, steps, erasures): the name shown, and the token's
 * {@code sub} and {@code azp} (null without a token, as for Quarkus' test identities and the service's own jobs).
 */
public record Recorder(String name, String subject, String client) {

    public static Recorder system(String name) {
        return new Recorder(name, null, null);
    }
}
