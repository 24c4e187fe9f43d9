package io.recall.cluster;

import org.jgroups.Message;
import org.jgroups.annotations.Property;
import org.jgroups.auth.AuthToken;
import org.jgroups.util.Bits;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * JGroups AUTH token of a cluster with a {@code secret=}: a value derived from the secret (never the secret
 * itself), which the coordinator compares with its own before it lets a node join.
 */
public final class SecretToken extends AuthToken {
    @Property(name = "auth_value", description = "the value derived from the cluster's secret", exposeAsManagedAttribute = false)
    private String authValue;

    public SecretToken() {
    }

    @Override
    public String getName() {
        return SecretToken.class.getName();
    }

    @Override
    public boolean authenticate(AuthToken token, Message msg) {
        return token instanceof SecretToken other && authValue != null && other.authValue != null
                && MessageDigest.isEqual(authValue.getBytes(StandardCharsets.UTF_8),
                other.authValue.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        Bits.writeString(authValue, out);
    }

    @Override
    public void readFrom(DataInput in) throws IOException {
        authValue = Bits.readString(in);
    }

    @Override
    public int size() {
        return Bits.sizeUTF(authValue) + 1;
    }
}
