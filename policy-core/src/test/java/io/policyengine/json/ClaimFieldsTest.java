package io.policyengine.json;

import io.policyengine.model.Claim;
import io.policyengine.model.ClaimEvent;
import io.policyengine.model.Condition;
import io.policyengine.model.OpenRepair;
import io.policyengine.model.PastRepair;
import io.policyengine.model.Product;
import io.policyengine.model.ServiceRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one description of the claim's fields reads every part of the model, in the contract's (and the records') order. */
class ClaimFieldsTest {

    @Test
    void declaresEveryFieldOfEveryObjectOfTheClaimInTheContractsOrder() {
        assertThat(ClaimFields.CLAIM.names()).isEqualTo(components(Claim.class));
        assertThat(ClaimFields.PRODUCT.names()).isEqualTo(components(Product.class));
        assertThat(ClaimFields.CONDITION.names()).isEqualTo(components(Condition.class));
        assertThat(ClaimFields.REPAIR.names()).isEqualTo(components(PastRepair.class));
        assertThat(ClaimFields.SERVICE.names()).isEqualTo(components(ServiceRequest.class));
        assertThat(ClaimFields.OPEN_REPAIR.names()).isEqualTo(components(OpenRepair.class));
        assertThat(ClaimFields.EVENT.names()).isEqualTo(components(ClaimEvent.class));
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
