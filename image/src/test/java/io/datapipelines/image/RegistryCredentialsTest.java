package io.datapipelines.image;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryCredentialsTest {
    private static final ImageReference IMAGE = ImageReference.of("registry.example.com", "team/orders", "1");

    @Test
    void aUsernameAndPasswordAreGivenToJibButNeverShown() throws Exception {
        RegistryCredentials credentials = RegistryCredentials.usernamePassword("ci", "s3cret-Pa55", "$REGISTRY_PASSWORD");

        assertThat(credentials.retrieve(IMAGE, event -> { })).contains(Credential.from("ci", "s3cret-Pa55"));
        assertThat(credentials.toString()).doesNotContain("s3cret").contains("$REGISTRY_PASSWORD");
    }

    @Test
    void anIdentityTokenUsesJibsTokenMarker() throws Exception {
        Optional<Credential> credential = RegistryCredentials.identityToken("tok-123", "$TOKEN").retrieve(IMAGE, event -> { });
        assertThat(credential).isPresent();
        assertThat(credential.get().isOAuth2RefreshToken()).isTrue();
        assertThat(credential.get().getPassword()).isEqualTo("tok-123");
    }

    @Test
    void aDockerConfigIsReadForItsRegistryOnly(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        String auth = Base64.getEncoder().encodeToString("robot:from-config".getBytes());
        Files.writeString(config, "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + auth + "\"}}}");
        RegistryCredentials credentials = RegistryCredentials.dockerConfig(config);

        assertThat(credentials.retrieve(IMAGE, event -> { })).contains(Credential.from("robot", "from-config"));
        assertThat(credentials.retrieve(ImageReference.of("other.example.com", "team/orders", "1"), event -> { })).isEmpty();
    }

    @Test
    void emptySecretsAreRefused() throws Exception {
        assertThatThrownBy(() -> RegistryCredentials.usernamePassword("ci", " ", "x")).hasMessage("the registry password is empty");
        assertThat(RegistryCredentials.anonymous().retrieve(IMAGE, event -> { })).isEmpty();
    }
}
