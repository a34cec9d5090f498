package vn.motcua.infra;

/** A MongoDB endpoint for tests; each test class or application start uses a database name of its own. */
public interface MongoService extends AutoCloseable {

    String connectionString();

    Backend backend();

    @Override
    void close();

    record ExternalMongo(String connectionString) implements MongoService {
        @Override
        public Backend backend() {
            return Backend.ENVIRONMENT;
        }

        @Override
        public void close() {
        }
    }
}
