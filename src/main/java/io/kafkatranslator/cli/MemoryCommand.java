package io.kafkatranslator.cli;

import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.policy.PolicyTopic;
import picocli.CommandLine.Command;

/** The tenants' translation memories (README, "Glossaries and translation memory"). */
@Command(name = "memory", sortOptions = false, description = {"Translation memory entries as JSON lines: put and delete "
        + "(stdin, one {\"tenant\", \"pair\", \"source\", \"translation\"} a line: the approved translation of a whole "
        + "message), or list (sources as the memory normalises them)."})
final class MemoryCommand extends PolicyCommand {
    MemoryCommand() {
        super(PolicyTopic.MEMORY, "source", ProcessorConfig::memoryTopic);
    }
}
