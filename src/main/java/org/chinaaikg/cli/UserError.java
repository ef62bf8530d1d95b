package org.chinaaikg.cli;

/**
 * A mistake on the command line or in the files it names, told in one line that names the option or file and what to
 * do; {@link Main} prints it as {@code COMMAND: message}, with no stack trace.
 */
final class UserError extends RuntimeException {
    final int exitCode;

    UserError(String message) {
        this(2, message);
    }

    UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }
}
