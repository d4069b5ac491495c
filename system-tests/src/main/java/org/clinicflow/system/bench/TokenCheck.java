package org.clinicflow.system.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * What a service does with a bearer token before anything else, without the framework: the
 * RS256 signature checked against the realm's published keys (fetched once, as a service caches
 * them), then issuer, audience and expiry read from the claims. The floor's REST calls pay it,
 * as the services' do. Used by {@link FloorHttp}.
 */
final class TokenCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private final Map<String, PublicKey> keys = new HashMap<>();
    private final String issuer;

    TokenCheck(String realmUrl) throws Exception {
        this.issuer = realmUrl;
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(realmUrl + "/protocol/openid-connect/certs")).build(), HttpResponse.BodyHandlers.ofByteArray());
        for (JsonNode key : JSON.readTree(answer.body()).path("keys")) {
            if ("RSA".equals(key.path("kty").asText()) && "sig".equals(key.path("use").asText("sig"))) {
                RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, B64.decode(key.path("n").asText())),
                        new BigInteger(1, B64.decode(key.path("e").asText())));
                keys.put(key.path("kid").asText(), KeyFactory.getInstance("RSA").generatePublic(spec));
            }
        }
    }

    /** True when {@code authorization} carries a token this realm signed, for the clinic's APIs, not expired. */
    boolean valid(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            JsonNode header = JSON.readTree(B64.decode(parts[0]));
            PublicKey key = keys.get(header.path("kid").asText());
            if (key == null || !"RS256".equals(header.path("alg").asText())) {
                return false;
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(B64.decode(parts[2]))) {
                return false;
            }
            JsonNode claims = JSON.readTree(B64.decode(parts[1]));
            JsonNode audience = claims.path("aud");
            boolean forClinic = audience.isArray() ? audience.toString().contains("\"clinic-api\"")
                    : "clinic-api".equals(audience.asText());
            return issuer.equals(claims.path("iss").asText()) && forClinic
                    && claims.path("exp").asLong() > System.currentTimeMillis() / 1000;
        } catch (java.io.IOException | GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
