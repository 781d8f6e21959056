package org.sourcewire;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SourcewireApplication {

    public static void main(String[] args) {
        SpringApplication.run(SourcewireApplication.class, args);
    }
}
