package org.crossdesk.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Instances of one service get transactional ids of their own, the same after each restart. */
class InstanceTransactionalIdTest {

    private final CrossdeskKafkaProperties properties = new CrossdeskKafkaProperties();

    @Test
    void eachInstanceIdGivesItsOwnPrefixUnderTheServicesAclPrefix() {
        properties.setTransactionalIdPrefix("routing-tx-");

        properties.setInstanceId("routing-1");
        String first = properties.instanceTransactionalIdPrefix();
        properties.setInstanceId("routing-2");
        String second = properties.instanceTransactionalIdPrefix();

        assertThat(first).isEqualTo("routing-tx-routing-1-");
        assertThat(second).isEqualTo("routing-tx-routing-2-").isNotEqualTo(first);
        assertThat(second).startsWith("routing-tx-"); // the prefixed ACL routing's principal holds
    }

    @Test
    void withoutAnInstanceIdTheHostNameIsUsedAndCharactersKafkaRefusesAreReplaced() {
        properties.setTransactionalIdPrefix("routing-tx-");

        assertThat(properties.instanceTransactionalIdPrefix())
                .startsWith("routing-tx-")
                .matches("[A-Za-z0-9._-]+");
        properties.setInstanceId("pod/routing 0");
        assertThat(properties.instanceTransactionalIdPrefix()).isEqualTo("routing-tx-pod_routing_0-");
    }

    @Test
    void withoutAPrefixThereAreNoTransactions() {
        properties.setInstanceId("routing-1");

        assertThat(properties.instanceTransactionalIdPrefix()).isNull();
    }
}
