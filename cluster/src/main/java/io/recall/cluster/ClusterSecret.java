package io.recall.cluster;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HexFormat;

/**
 * What a cluster's {@code secret=} turns into: an AES key derived from it (PBKDF2, salted with the cluster's name),
 * which JGroups' SYM_ENCRYPT uses for all traffic, and a join token derived from the key ({@link SecretToken}),
 * which AUTH checks. SYM_ENCRYPT reads its key from a key store file, so the key is written to a private temporary
 * PKCS12 file that lives as long as the member.
 */
final class ClusterSecret implements AutoCloseable {
    private static final int ITERATIONS = 100_000;
    private static final String ALIAS = "recall";

    private final Path keyStore;
    private final String storePassword;
    private final String token;

    private ClusterSecret(Path keyStore, String storePassword, String token) {
        this.keyStore = keyStore;
        this.storePassword = storePassword;
        this.token = token;
    }

    static ClusterSecret derive(String secret, String cluster) {
        try {
            SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] bits = pbkdf2.generateSecret(new PBEKeySpec(secret.toCharArray(),
                    ("recall-cluster:" + cluster).getBytes(StandardCharsets.UTF_8), ITERATIONS, 384)).getEncoded();
            SecretKey key = new SecretKeySpec(bits, 0, 16, "AES");
            String token = HexFormat.of().formatHex(bits, 16, 48);
            String storePassword = HexFormat.of().formatHex(bits, 0, 8);
            Path file = Files.createTempFile("recall-cluster-", ".p12");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file is readable by its owner only where the file system can say so
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setEntry(ALIAS, new KeyStore.SecretKeyEntry(key),
                    new KeyStore.PasswordProtection(storePassword.toCharArray()));
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, storePassword.toCharArray());
            }
            return new ClusterSecret(file, storePassword, token);
        } catch (GeneralSecurityException | IOException e) {
            throw new RecallException(ErrorCode.CONNECTION_FAILED, "Cannot derive the cluster key from secret=: " + e, e);
        }
    }

    /** SYM_ENCRYPT, to sit just below NAKACK2. */
    String encryptProtocol() {
        return "<SYM_ENCRYPT keystore_name=\"" + keyStore + "\" keystore_type=\"pkcs12\" store_password=\"" + storePassword
                + "\" key_password=\"" + storePassword + "\" alias=\"" + ALIAS + "\"/>";
    }

    /** AUTH, to sit just below GMS. */
    String authProtocol() {
        return "<AUTH auth_class=\"" + SecretToken.class.getName() + "\" auth_token.auth_value=\"" + token + "\"/>";
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(keyStore);
        } catch (IOException ignored) {
            // a temporary file; the operating system cleans it up eventually
        }
    }
}
