package vn.motcua.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * MongoDB's wire protocol served in this JVM by mongo-java-server: no mongod binary can be had on the build
 * machines. It has no sessions or multi-document transactions, which the suite's design does not need.
 */
public final class EmbeddedMongo implements MongoService {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
    }

    public static EmbeddedMongo start() {
        return new EmbeddedMongo(new MemoryBackend(), 0);
    }

    /** Data kept in an H2 file across restarts (devstack), on a fixed port. */
    public static EmbeddedMongo startPersistent(Path file, int port) {
        return new EmbeddedMongo(new H2Backend(file.toString()), port);
    }

    @Override
    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public Backend backend() {
        return Backend.EMBEDDED;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
