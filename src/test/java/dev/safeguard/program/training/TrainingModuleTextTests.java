package dev.safeguard.program.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the program reads from a module's Markdown. */
class TrainingModuleTextTests {

    @Test
    void theTitleVersionAndStatementComeFromTheText() {
        String text = "# Clean desks\n\nKeep the desk clear.\n\n## Acknowledgment\n\nI keep my desk\nclear.\n\n"
                + "## Notes\n\nNot part of it.\n";
        TrainingModuleText read = TrainingModuleText.of(text);
        assertThat(read.title()).isEqualTo("Clean desks");
        assertThat(read.statement()).isEqualTo("I keep my desk clear.");
        assertThat(read.version()).as("SHA-256 of the exact text")
                .isEqualTo("d3972abcc634b7035d584a2e34db4c0112d9022ea6efc3e9cf75725339efc7a2");
        assertThat(TrainingModuleText.of(text + " ").version()).as("any change is a new version")
                .isNotEqualTo(read.version());
        assertThat(read.words()).isEqualTo(17);
    }

    @Test
    void aModuleWithoutAnAcknowledgmentHasNoStatement() {
        assertThat(TrainingModuleText.of("# T\n\n## Acknowledgments to the authors\n\nThanks.").statement()).isNull();
        assertThat(TrainingModuleText.of("# T\n\n## Acknowledgement\n\nBritish spelling.").statement())
                .isEqualTo("British spelling.");
    }
}
