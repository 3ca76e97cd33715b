package io.camelconnectly.component.connectly;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that reads phone numbers, with Google's libphonenumber. A number in international form (a plus sign,
 * then the country code) is kept as written when it is already E.164, or reformatted to E.164; a national number
 * (6045550177, (604) 555-0177) is accepted only with a default region, which says which country it belongs to. Anything
 * libphonenumber calls impossible is refused. A missing plus sign is never guessed: 6045550177 is not +6045550177.
 * <p>
 * Numbers already in strict E.164 (the usual case on the send path) take a fast path: the country code is split off and
 * the length checked against the region's metadata, without libphonenumber's text parser. The metadata of every region
 * is read once per JVM ({@link #loadMetadata()}, at producer start), so no message reads it from the jar on an I/O
 * thread.
 */
final class PhoneNumbers {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneNumbers.class);
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_REGION = "ZZ";
    private static volatile boolean metadataLoaded;

    private PhoneNumbers() {
    }

    /** Reads the metadata of every region and non-geographic calling code, once per JVM. */
    static void loadMetadata() {
        if (metadataLoaded) {
            return;
        }
        synchronized (PhoneNumbers.class) {
            if (!metadataLoaded) {
                long start = System.nanoTime();
                for (String region : UTIL.getSupportedRegions()) {
                    UTIL.getCountryCodeForRegion(region);
                }
                for (int callingCode : UTIL.getSupportedGlobalNetworkCallingCodes()) {
                    UTIL.getExampleNumberForNonGeoEntity(callingCode);
                }
                metadataLoaded = true;
                LOG.debug("Phone number metadata loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    /** The region code in upper case when libphonenumber knows it (CA, US, DE, ...), else null. */
    static String supportedRegion(String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        String upper = region.trim().toUpperCase(Locale.ROOT);
        return UTIL.getSupportedRegions().contains(upper) ? upper : null;
    }

    /**
     * @param  defaultRegion the region national numbers belong to (a supported region code), or null to accept only
     *                       international numbers
     * @return               the number in E.164, or null when it cannot be read as a possible number ({@link #problem}
     *                       says why)
     */
    static String toE164(String value, String defaultRegion) {
        if (value == null) {
            return null;
        }
        String number = value.trim();
        if (number.isEmpty()) {
            return null;
        }
        if (number.charAt(0) == '+') {
            if (isStrictE164(number)) {
                return isPossibleE164(number) ? number : null;
            }
            return hasLetters(number) ? null : parse(number, UNKNOWN_REGION);
        }
        return defaultRegion == null || hasLetters(number) ? null : parse(number, defaultRegion);
    }

    /** libphonenumber would read 1-800-CALL-NOW as digits; a WhatsApp number has none, so a letter is a mistake. */
    private static boolean hasLetters(String number) {
        for (int i = 0; i < number.length(); i++) {
            if (Character.isLetter(number.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a number holds no plus sign, so that only a default region can say which country it belongs to. */
    static boolean isNational(String value) {
        return value != null && !value.trim().startsWith("+");
    }

    /** Why {@link #toE164} refused the value, for error messages (cold path). */
    static String problem(String value, String defaultRegion) {
        String number = value == null ? "" : value.trim();
        if (hasLetters(number)) {
            return "letters are not digits of a phone number";
        }
        if (!number.startsWith("+") && defaultRegion == null) {
            return "not an international number and no default region is set";
        }
        try {
            PhoneNumber parsed = UTIL.parse(number, number.startsWith("+") ? UNKNOWN_REGION : defaultRegion);
            ValidationResult result = UTIL.isPossibleNumberWithReason(parsed);
            return "not a possible phone number (" + result.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                   + (number.startsWith("+") ? "" : " for region " + defaultRegion) + ")";
        } catch (NumberParseException e) {
            return "not a phone number (" + e.getErrorType().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        }
    }

    private static String parse(String number, String region) {
        try {
            PhoneNumber parsed = UTIL.parse(number, region);
            return UTIL.isPossibleNumber(parsed) ? UTIL.format(parsed, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** A plus sign and 2 to 15 digits, the first not 0: the form Connectly documents. */
    private static boolean isStrictE164(String number) {
        int length = number.length();
        if (length < 3 || length > 16 || number.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Country codes are prefix-free: the first 1 to 3 digits that name one decide; then the length must fit. */
    private static boolean isPossibleE164(String number) {
        int length = number.length();
        for (int digits = 1; digits <= 3 && 1 + digits < length; digits++) {
            int countryCode = Integer.parseInt(number, 1, 1 + digits, 10);
            if (!UNKNOWN_REGION.equals(UTIL.getRegionCodeForCountryCode(countryCode))) {
                int national = 1 + digits;
                PhoneNumber parsed = new PhoneNumber().setCountryCode(countryCode)
                        .setNationalNumber(Long.parseLong(number, national, length, 10));
                int zeros = 0;
                while (national + zeros < length - 1 && number.charAt(national + zeros) == '0') {
                    zeros++;
                }
                if (zeros > 0) {
                    // e.g. Italian numbers keep their leading zero after the country code
                    parsed.setItalianLeadingZero(true).setNumberOfLeadingZeros(zeros);
                }
                return UTIL.isPossibleNumber(parsed);
            }
        }
        return false;
    }
}
