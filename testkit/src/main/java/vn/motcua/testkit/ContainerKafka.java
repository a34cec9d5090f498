package vn.motcua.testkit;

import vn.motcua.infra.KafkaService;
import vn.motcua.infra.Backend;
import org.testcontainers.kafka.KafkaContainer;

/** The apache/kafka image in KRaft mode, where a Docker engine answers. */
final class ContainerKafka implements KafkaService {

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafka start() {
        KafkaContainer container = new KafkaContainer(Images.KAFKA).withEnv("KAFKA_NUM_PARTITIONS", "3");
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void suspend() {
        container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void restart() {
        container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
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
