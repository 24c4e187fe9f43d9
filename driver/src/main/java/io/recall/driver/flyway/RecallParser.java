package io.recall.driver.flyway;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

/**
 * Splits migration scripts into statements. Recall's SQL is the ANSI form Flyway's base parser already
 * reads: {@code ;} ends a statement, {@code '...'} (with {@code ''} inside) is a string, {@code "..."} a
 * quoted identifier, and {@code --} line comments and slash-star block comments are skipped.
 */
final class RecallParser extends Parser {
    /** Characters of look-ahead for the tokenizer: enough to see {@code --}, {@code /*} and {@code ''}. */
    private static final int PEEK_DEPTH = 2;

    RecallParser(Configuration configuration, ParsingContext parsingContext) {
        super(configuration, parsingContext, PEEK_DEPTH);
    }
}
