package io.kafkatranslator.cli;

/** The command line asks for something that cannot be done: said in one line, with the command's usage. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
