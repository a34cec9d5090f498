package vn.motcua.testkit;

import vn.motcua.infra.MongoService;
import vn.motcua.infra.Backend;
import org.testcontainers.mongodb.MongoDBContainer;

/** The mongo image, where a Docker engine answers. */
final class ContainerMongo implements MongoService {

    private final MongoDBContainer container;

    private ContainerMongo(MongoDBContainer container) {
        this.container = container;
    }

    static ContainerMongo start() {
        MongoDBContainer container = new MongoDBContainer(Images.MONGO);
        container.start();
        return new ContainerMongo(container);
    }

    @Override
    public String connectionString() {
        return container.getConnectionString();
    }

    @Override
    public Backend backend() {
        return Backend.TESTCONTAINERS;
    }

    @Override
    public void close() {
        container.stop();
    }
}
