package vn.motcua.testkit;

/** A MongoDB endpoint for tests; each test class or application start uses a database name of its own. */
public interface MongoService extends AutoCloseable {

    String connectionString();

    Backend backend();

    @Override
    void close();

    static MongoService shared() {
        return Infrastructure.mongo();
    }

    static MongoService startOwn() {
        return switch (BackendChooser.fromSystem().chooseOwn("MongoDB")) {
            case TESTCONTAINERS -> ContainerMongo.start();
            default -> EmbeddedMongo.start();
        };
    }

    static MongoService resolve() {
        BackendChooser.Choice choice = BackendChooser.fromSystem().choose("MongoDB", "MOTCUA_MONGODB_URL");
        return switch (choice.backend()) {
            case ENVIRONMENT -> new ExternalMongo(choice.address().orElseThrow());
            case TESTCONTAINERS -> ContainerMongo.start();
            case EMBEDDED -> EmbeddedMongo.start();
        };
    }

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
