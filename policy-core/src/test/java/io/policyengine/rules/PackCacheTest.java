package io.policyengine.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A rules folder saved back to what it held a moment ago goes live again without compiling: the same files, the same pack. */
class PackCacheTest {
    private static final Path MINI = Path.of("src/test/resources/packs/mini");

    @TempDir
    Path temp;

    @Test
    void aFolderSavedBackToFilesItHeldBeforeGetsThePackTheyCompiledTo() throws Exception {
        Path pack = Files.createDirectories(temp.resolve("mini"));
        for (String file : new String[]{"pack.drl", "sentences.en.txt", "sentences.zh-CN.txt"}) {
            Files.copy(MINI.resolve(file), pack.resolve(file));
        }
        String fifteenDays = Files.readString(pack.resolve("pack.drl"));
        PackCache compiled = new PackCache();
        RulePack first = PackVersions.load(pack, compiled).latest();
        compiled.add(first);

        Files.writeString(pack.resolve("pack.drl"), fifteenDays.replace("refundDays : int = 15", "refundDays : int = 14"));
        RulePack fourteenDays = PackVersions.load(pack, compiled).latest();
        compiled.add(fourteenDays);
        Files.writeString(pack.resolve("pack.drl"), fifteenDays);
        RulePack savedBack = PackVersions.load(pack, compiled).latest();

        assertThat(fourteenDays).isNotSameAs(first);
        assertThat(fourteenDays.terms()).containsEntry("refundDays", 14);
        assertThat(savedBack).isSameAs(first);
        assertThat(PackVersions.load(pack, new PackCache()).latest()).as("another cache: compiled afresh").isNotSameAs(first);
    }
}
