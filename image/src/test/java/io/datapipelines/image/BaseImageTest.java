package io.datapipelines.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseImageTest {
    @Test
    void readsReferencesAndArchives(@TempDir Path dir) throws Exception {
        Path tar = Files.writeString(dir.resolve("jre.tar"), "");
        assertThat(BaseImage.parse("docker-archive:" + tar)).isEqualTo(new BaseImage.DockerArchive(tar));

        BaseImage.Registry tagged = (BaseImage.Registry) BaseImage.parse("registry.example.com/java/jre:17");
        assertThat(tagged.pinned()).isFalse();
        assertThat(tagged.reference().getRegistry()).isEqualTo("registry.example.com");
        String digest = "sha256:" + "a".repeat(64);
        assertThat(((BaseImage.Registry) BaseImage.parse("registry.example.com/java/jre@" + digest)).pinned()).isTrue();
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> BaseImage.parse("docker-archive:/no/such.tar")).hasMessage("base image docker-archive:/no/such.tar: no such file");
        assertThatThrownBy(() -> BaseImage.parse("Not An Image")).hasMessageContaining("is neither an image reference");
    }
}
