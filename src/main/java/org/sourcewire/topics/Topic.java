package org.sourcewire.topics;

import java.time.Instant;

import org.sourcewire.shared.RuleException;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "topic")
class Topic {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private Instant retiredAt;

    private Long mergedIntoId;

    private Instant createdAt;

    @Version
    private long version;

    protected Topic() {
    }

    Topic(String name, Instant now) {
        this.name = name;
        this.createdAt = now;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    void restore() {
        retiredAt = null;
        mergedIntoId = null;
    }

    /** Retires this topic in favour of {@code survivor}; the caller moves what refers to it. */
    void mergeInto(Topic survivor, Instant now) {
        if (survivor.id.equals(id)) {
            throw new RuleException(null, "topics.rule.merge-into-itself");
        }
        if (!survivor.isActive()) {
            throw new RuleException(null, "topics.rule.merge-into-retired", survivor.name);
        }
        retire(now);
        mergedIntoId = survivor.id;
    }

    boolean isActive() {
        return retiredAt == null;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    Long getMergedIntoId() {
        return mergedIntoId;
    }

    Instant getRetiredAt() {
        return retiredAt;
    }

    TopicView toView() {
        return new TopicView(id, name, isActive());
    }
}
