package vn.motcua.stats.support;

import vn.motcua.testkit.TestKafka;
import vn.motcua.events.UnitData;
import vn.motcua.testkit.InfrastructureResource;

import java.util.List;
import java.util.Map;

/**
 * A test bed whose catalogue topic already holds a province's tree when the service starts on its empty database,
 * as after intake-service's first start: the service must build its tree from the topic alone. Published children
 * first, so the service meets wards whose district it does not know yet.
 */
public class PrefilledCatalogueResource extends InfrastructureResource {

    public static final List<UnitData> DONG_THAP = List.of(
            Catalogue.unit("DT-SADEC-P1", "Phường 1", "DT-SADEC"),
            Catalogue.unit("DT-SADEC-P2", "Phường 2", "DT-SADEC"),
            Catalogue.unit("DT-SADEC-TKD", "Xã Tân Khánh Đông", "DT-SADEC"),
            Catalogue.unit("DT-LAIVUNG-LV", "Thị trấn Lai Vung", "DT-LAIVUNG"),
            Catalogue.unit("DT-SADEC", "Thành phố Sa Đéc", "DT"),
            Catalogue.unit("DT-LAIVUNG", "Huyện Lai Vung", "DT"),
            Catalogue.unit("DT", "Tỉnh Đồng Tháp", null));

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        Catalogue.publish(TestKafka.admin(config.get("kafka.bootstrap.servers")), config.get(CATALOGUE_PROPERTY), DONG_THAP);
        return config;
    }
}
