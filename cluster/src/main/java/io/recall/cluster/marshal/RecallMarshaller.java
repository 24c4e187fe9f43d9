package io.recall.cluster.marshal;

import io.recall.cluster.CacheUniqueKeys;
import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.commons.io.ByteBuffer;
import org.infinispan.commons.io.ByteBufferImpl;
import org.infinispan.commons.marshall.AbstractMarshaller;

/**
 * Infinispan's user marshaller for Recall's caches ({@code serialization().marshaller(new RecallMarshaller())}),
 * so that their entries can go to a file store or another node. It takes exactly: {@link StoredRow} (table
 * values), the keys {@link RowCodec} encodes (a canonical value, {@code CompositeKey}, {@code BinaryKey}),
 * {@link CacheUniqueKeys.Entry} (unique-claim keys) and String (catalog entries, a canonical value already).
 * Everything is written in {@link RowCodec}'s format: a row as its row item, an entry as a {@code UNIQUE_ENTRY}
 * tag followed by its two values. Anything else, a bare {@code Object[]} or {@code null} included, is refused.
 * Stateless and thread-safe.
 */
public final class RecallMarshaller extends AbstractMarshaller {
    /** What the bytes are: Recall's codec, not a format any other party reads. */
    public static final MediaType MEDIA_TYPE = MediaType.fromString("application/x-recall");

    @Override
    public boolean isMarshallable(Object o) {
        return o instanceof StoredRow || o instanceof CacheUniqueKeys.Entry || o != null && RowCodec.isValue(o);
    }

    @Override
    public byte[] objectToByteBuffer(Object o, int estimatedSize) {
        if (o instanceof StoredRow r) {
            return RowCodec.encodeRow(r.values());
        }
        if (o instanceof CacheUniqueKeys.Entry e) {
            RowCodec.Writer w = new RowCodec.Writer(32);
            w.writeByte(RowCodec.VERSION);
            w.writeByte(RowCodec.UNIQUE_ENTRY);
            w.writeValue(e.constraint());
            w.writeValue(e.value());
            return w.toByteArray();
        }
        if (o == null) {
            throw new IllegalArgumentException("RecallMarshaller does not marshal null");
        }
        if (o instanceof Object[]) {
            throw new IllegalArgumentException("RecallMarshaller does not marshal a bare Object[]: wrap a row in "
                    + StoredRow.class.getName());
        }
        return RowCodec.encodeKey(o);
    }

    @Override
    protected ByteBuffer objectToBuffer(Object o, int estimatedSize) {
        return ByteBufferImpl.create(objectToByteBuffer(o, estimatedSize));
    }

    @Override
    public Object objectFromByteBuffer(byte[] buf, int offset, int length) {
        RowCodec.Reader r = new RowCodec.Reader(buf, offset, length);
        Object o;
        switch (r.peekTag()) {
            case RowCodec.ROW -> o = new StoredRow(r.readRow());
            case RowCodec.UNIQUE_ENTRY -> {
                r.expect(RowCodec.UNIQUE_ENTRY);
                r.expect(RowCodec.STRING);
                o = new CacheUniqueKeys.Entry(r.readString(), r.readValue());
            }
            default -> o = r.readValue();
        }
        r.finish();
        return o;
    }

    @Override
    public MediaType mediaType() {
        return MEDIA_TYPE;
    }
}
