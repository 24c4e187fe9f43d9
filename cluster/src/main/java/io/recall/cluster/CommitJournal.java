package io.recall.cluster;

import io.recall.cluster.marshal.RecallMarshaller;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Makes a commit of a database on disc all-or-nothing across its caches. Infinispan writes a transaction's
 * changes through to each cache's file store key by key, so a process killed during a commit can leave part of
 * the transaction on disc (the crash test saw exactly that). So each transaction's changes to disc caches are
 * first appended to this journal as one checksummed record (forced to the disc when commits sync), and only then
 * committed to the caches; when the folder is opened again, every complete record is applied again (its puts and
 * removes are idempotent, and records are in commit order because a key's writers hold its lock until their
 * commit ends) and the journal is emptied. So every write to a journaled cache must be journaled: a write that
 * bypassed the journal could be overwritten by an older record when it is applied again. A record whose commit then failed is followed by a cancel record. The
 * journal is emptied whenever it has grown past {@value #TRUNCATE_AT} bytes and no commit is under way, since
 * every earlier commit has reached the file stores by then.
 */
final class CommitJournal implements AutoCloseable {
    static final long TRUNCATE_AT = 16L << 20;
    private static final byte COMMIT = 1;
    private static final byte CANCEL = 2;

    /** One change: a put ({@code value} set) or a remove. */
    record Change(String cache, Object key, Object value) {
    }

    private final Path file;
    private final FileChannel channel;
    private final boolean sync;
    private final TransactionManager transactions;
    private final RecallMarshaller marshaller = new RecallMarshaller();
    private final Map<Transaction, List<Change>> pending = new ConcurrentHashMap<>();
    private long lastId;
    private int inFlight;

    private CommitJournal(Path file, FileChannel channel, boolean sync, TransactionManager transactions) {
        this.file = file;
        this.channel = channel;
        this.sync = sync;
        this.transactions = transactions;
    }

    static CommitJournal open(Path file, boolean sync, TransactionManager transactions) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.position(channel.size());
            return new CommitJournal(file, channel, sync, transactions);
        } catch (IOException e) {
            throw failure("open", file, e);
        }
    }

    /** Notes a change made in the calling thread's transaction; outside one (a single-key commit) nothing is kept. */
    void record(String cache, Object key, Object value) {
        Transaction tx;
        try {
            tx = transactions.getTransaction();
        } catch (Exception e) {
            throw new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot read the current transaction: " + e, e);
        }
        if (tx != null) {
            pending.computeIfAbsent(tx, t -> new ArrayList<>()).add(new Change(cache, key, value));
        }
    }

    /** Before the transaction commits: its changes go to the journal. Returns the record's id (0: none written). */
    long beforeCommit(Transaction tx) {
        List<Change> changes = pending.remove(tx);
        if (changes == null) {
            return 0;
        }
        byte[] payload = encode(changes);
        synchronized (this) {
            long id = ++lastId;
            append(COMMIT, id, payload);
            inFlight++;
            return id;
        }
    }

    /** After the commit of record {@code id} ended; a failed commit is cancelled, so it is never applied again. */
    void afterCommit(long id, boolean committed) {
        if (id == 0) {
            return;
        }
        synchronized (this) {
            if (!committed) {
                append(CANCEL, id, new byte[0]);
            }
            inFlight--;
            if (inFlight == 0 && size() > TRUNCATE_AT) {
                truncate();
            }
        }
    }

    /** A rolled-back transaction leaves nothing behind. */
    void forget(Transaction tx) {
        pending.remove(tx);
    }

    /** The changes of every complete, uncancelled record, in commit order; a torn last record is left out. */
    static List<List<Change>> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        RecallMarshaller marshaller = new RecallMarshaller();
        List<Long> ids = new ArrayList<>();
        List<List<Change>> records = new ArrayList<>();
        Set<Long> cancelled = new HashSet<>();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                if (length < 9 || length > (1 << 30)) {
                    break;
                }
                byte[] body = new byte[length];
                long crc;
                try {
                    in.readFully(body);
                    crc = in.readInt() & 0xffffffffL;
                } catch (EOFException torn) {
                    break;
                }
                CRC32 check = new CRC32();
                check.update(body);
                if (check.getValue() != crc) {
                    break;
                }
                ByteBuffer b = ByteBuffer.wrap(body);
                byte kind = b.get();
                long id = b.getLong();
                if (kind == CANCEL) {
                    cancelled.add(id);
                } else {
                    ids.add(id);
                    records.add(decode(marshaller, body, b.position()));
                }
            }
        } catch (IOException e) {
            throw failure("read", file, e);
        }
        List<List<Change>> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (!cancelled.contains(ids.get(i))) {
                out.add(records.get(i));
            }
        }
        return out;
    }

    private byte[] encode(List<Change> changes) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * changes.size());
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(changes.size());
            for (Change c : changes) {
                out.writeUTF(c.cache());
                writeBytes(out, marshaller.objectToByteBuffer(c.key()));
                writeBytes(out, c.value() == null ? null : marshaller.objectToByteBuffer(c.value()));
            }
            return bytes.toByteArray();
        } catch (IOException | InterruptedException e) {
            throw new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot encode a journal record: " + e, e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    private static List<Change> decode(RecallMarshaller marshaller, byte[] body, int offset) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body, offset, body.length - offset));
        int n = in.readInt();
        List<Change> changes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String cache = in.readUTF();
            Object key = readObject(marshaller, in);
            changes.add(new Change(cache, key, readObject(marshaller, in)));
        }
        return changes;
    }

    private static Object readObject(RecallMarshaller marshaller, DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return marshaller.objectFromByteBuffer(bytes, 0, length);
    }

    private void append(byte kind, long id, byte[] payload) {
        ByteBuffer record = ByteBuffer.allocate(4 + 1 + 8 + payload.length + 4);
        record.putInt(1 + 8 + payload.length).put(kind).putLong(id).put(payload);
        CRC32 crc = new CRC32();
        crc.update(record.array(), 4, 1 + 8 + payload.length);
        record.putInt((int) crc.getValue()).flip();
        try {
            while (record.hasRemaining()) {
                channel.write(record);
            }
            if (sync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw failure("write", file, e);
        }
    }

    private long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw failure("measure", file, e);
        }
    }

    /** Empties the journal: everything in it has reached the file stores. */
    void truncate() {
        synchronized (this) {
            try {
                channel.truncate(0);
                channel.position(0);
                channel.force(true);
            } catch (IOException e) {
                throw failure("empty", file, e);
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw failure("close", file, e);
        }
    }

    private static RecallException failure(String what, Path file, IOException e) {
        return new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot " + what + " the commit journal " + file + ": " + e, e);
    }
}
