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
     * A customer as the producer sends it: a phone number in E.164 (parsed by libphonenumber; spaces, dashes, dots and
     * brackets allowed), or a business-scoped user id ({@code bsuid:...}, {@code US.123...}) as given.
     *
     * @throws ConnectlyValidationException when the value is neither (a number without its plus sign included: use
     *                                      {@link #customer(String, String)} with its region)
     */
    public static String customer(String value) {
        return customer(value, null);
    }

    /**
     * As {@link #customer(String)}, a national number (no plus sign) being read as a number of {@code defaultRegion}
     * (ISO 3166, e.g. CA), as the producer does with its option or header defaultRegion.
     */
    public static String customer(String value, String defaultRegion) {
        return ConnectlyValidator.customer("recipient", null, value, region(defaultRegion));
    }

    /**
     * A business number as the producer sends it (E.164, normalised as for {@link #customer(String)}).
     *
     * @throws ConnectlyValidationException when the value is not a number
     */
    public static String business(String value) {
        return ConnectlyValidator.phone("sender", null, value, null);
    }

    private static String region(String defaultRegion) {
        return ConnectlyRequestFactory.region("defaultRegion", null, defaultRegion);
    }
}
