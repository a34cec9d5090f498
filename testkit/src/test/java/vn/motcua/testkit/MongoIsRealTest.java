package vn.motcua.testkit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RealInfrastructureExtension.class)
class MongoIsRealTest {

    @Test
    void upsertWithNestedIncrementIsReadBack(TestBed bed) {
        try (MongoClient client = MongoClients.create(bed.mongo().connectionString())) {
            MongoCollection<Document> totals = client.getDatabase(bed.mongoDatabase()).getCollection("totals");
            for (int i = 0; i < 3; i++) {
                totals.updateOne(Filters.eq("_id", "SADEC|2022-H1"),
                        Updates.combine(Updates.inc("received.newOnline", 1), Updates.inc("resolved.early", 2)),
                        new UpdateOptions().upsert(true));
            }

            Document read = totals.find(Filters.eq("_id", "SADEC|2022-H1")).first();
            assertThat(read).isNotNull();
            assertThat(read.get("received", Document.class).getInteger("newOnline")).isEqualTo(3);
            assertThat(read.get("resolved", Document.class).getInteger("early")).isEqualTo(6);
        }
    }
}
