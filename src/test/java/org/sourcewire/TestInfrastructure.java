package org.sourcewire;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    static SqlStatements sqlStatements() {
        return new SqlStatements();
    }

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
