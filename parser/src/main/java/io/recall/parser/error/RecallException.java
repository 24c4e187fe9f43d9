package io.recall.parser.error;

/**
 * The one unchecked exception inside Recall: it carries an {@link ErrorCode} so the JDBC layer
 * can turn it into an SQLException with the right SQLState without guessing.
 */
public class RecallException extends RuntimeException {
    private final ErrorCode code;

    public RecallException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public RecallException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public String sqlState() {
        return code.sqlState();
    }

    public static RecallException notSupported(String what) {
        return new RecallException(ErrorCode.NOT_SUPPORTED, what + " is not supported");
    }
}
