package io.camelconnectly.component.connectly;

import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The numbers code outside the component writes, as the producer writes them. */
class ConnectlyNumbersTest {

    @Test
    void aNationalNumberTakesTheRegionItIsGiven() {
        assertThat(ConnectlyNumbers.customer("(604) 555-0177", "CA")).isEqualTo("+16045550177");
        assertThat(ConnectlyNumbers.customer("+16045550177")).isEqualTo("+16045550177");
    }

    @Test
    void anUnknownRegionIsRefusedAsSuchNotAsAMissingOne() {
        assertThatThrownBy(() -> ConnectlyNumbers.customer("6045550177", "Canada"))
                .isInstanceOf(ConnectlyValidationException.class)
                .hasMessageContaining("defaultRegion").hasMessageContaining("'Canada'")
                .hasMessageContaining("ISO 3166");
    }
}
