package io.camelconnectly.component.connectly;

import io.camelconnectly.component.connectly.client.ConnectlyValidationException;

/**
 * WhatsApp numbers written the way the producer writes them, for code outside the component (Kamelets, applications)
 * that stores or compares numbers: the same value then appears in what was sent and in the webhooks that follow.
 */
public final class ConnectlyNumbers {

    private ConnectlyNumbers() {
    }

    /**
     * A customer as the producer sends it: E.164 with spaces, dashes, dots and brackets dropped and a missing plus sign
     * added, or a business-scoped user id ({@code bsuid:...}, {@code US.123...}) as given.
     *
     * @throws ConnectlyValidationException when the value is neither
     */
    public static String customer(String value) {
        return ConnectlyValidator.customer("recipient", value);
    }

    /**
     * A business number as the producer sends it (E.164, normalised as for {@link #customer(String)}).
     *
     * @throws ConnectlyValidationException when the value is not a number
     */
    public static String business(String value) {
        return ConnectlyValidator.e164("sender", value);
    }
}
