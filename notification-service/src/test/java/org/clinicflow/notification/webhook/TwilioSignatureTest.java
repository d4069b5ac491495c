package org.clinicflow.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signature scheme against Twilio's own published example (the request-validation vector
 * that Twilio's SDKs test against: auth token 12345, this URL and these parameters give
 * {@code RSOYDt4T1cUTdK1PDd93/VVr8B8=}), not against this code's own output; and the guard
 * that keeps the service from starting with the real gateway and a missing or public token.
 */
class TwilioSignatureTest {

    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String DOCUMENTED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private static Map<String, String> documentedParams() {
        Map<String, String> params = new HashMap<>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", "+14158675309");
        params.put("Digits", "1234");
        params.put("From", "+14158675309");
        params.put("To", "+18005551212");
        return params;
    }

    @Test
    void reproducesTwiliosDocumentedSignature() {
        assertEquals(DOCUMENTED, TwilioSignature.sign(TOKEN, URL, documentedParams()));
        assertTrue(TwilioSignature.valid(TOKEN, URL, documentedParams(), DOCUMENTED));
    }

    @Test
    void anyChangeToTokenUrlOrParametersIsRefused() {
        Map<String, String> tampered = documentedParams();
        tampered.put("Digits", "9999");
        assertFalse(TwilioSignature.valid(TOKEN, URL, tampered, DOCUMENTED));
        Map<String, String> added = documentedParams();
        added.put("Body", "X");
        assertFalse(TwilioSignature.valid(TOKEN, URL, added, DOCUMENTED), "a parameter added by a forger");
        assertFalse(TwilioSignature.valid("54321", URL, documentedParams(), DOCUMENTED));
        assertFalse(TwilioSignature.valid(TOKEN, URL + "&x=1", documentedParams(), DOCUMENTED));
        assertFalse(TwilioSignature.valid(TOKEN, URL, documentedParams(), ""));
        assertFalse(TwilioSignature.valid(TOKEN, URL, documentedParams(), null));
    }

    @Test
    void theRealGatewayNeedsARealSigningToken() {
        assertThrows(IllegalStateException.class, () -> SigningTokenGuard.check("twilio", ""));
        assertThrows(IllegalStateException.class, () -> SigningTokenGuard.check("twilio", "   "));
        assertThrows(IllegalStateException.class, () -> SigningTokenGuard.check("twilio", SigningTokenGuard.DEVELOPMENT_TOKEN));
        SigningTokenGuard.check("twilio", "a-real-token-from-a-secret");
        SigningTokenGuard.check("dev", SigningTokenGuard.DEVELOPMENT_TOKEN);
    }
}
