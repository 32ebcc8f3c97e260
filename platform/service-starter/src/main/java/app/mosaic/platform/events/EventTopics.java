package app.mosaic.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.util.ClassUtils;

/**
 * The topics a service creates, instead of relying on the broker's auto-creation: each topic it publishes
 * (its {@link EventTopic} classes) and each it consumes, with the dead-letter twin {@code <topic>-dlt} of the
 * latter, all with the configured partitions and retention. Creating an existing topic changes nothing but its
 * retention; a broker that is down at start-up is tried again until the topics exist.
 */
public class EventTopics {

	private static final Logger log = LoggerFactory.getLogger(EventTopics.class);
	public static final String DEAD_LETTER_SUFFIX = "-dlt";

	private final KafkaAdmin admin;
	private final Set<String> published;
	private final Set<String> consumed;
	private final EventsProperties properties;
	private volatile boolean created;

	EventTopics(KafkaAdmin admin, List<String> basePackages, List<EventConsumer> consumers, EventsProperties properties) {
		this.admin = admin;
		this.published = publishedTopics(basePackages);
		this.consumed = new TreeSet<>();
		consumers.forEach(c -> consumed.addAll(c.topics()));
		this.properties = properties;
	}

	/** Every {@link EventTopic} declared in these packages. */
	static Set<String> publishedTopics(List<String> basePackages) {
		Set<String> topics = new TreeSet<>();
		declaredEvents(basePackages).forEach(event -> topics.add(DomainEvents.declaration(event).topic()));
		for (Class<?> holder : holders(basePackages)) {
			topics.add(holder.getAnnotation(EventTopic.class).value());
		}
		return topics;
	}

	/** The {@link EventType} records nested in the {@link EventTopic} classes of these packages. */
	public static List<Class<?>> declaredEvents(List<String> basePackages) {
		List<Class<?>> events = new ArrayList<>();
		for (Class<?> holder : holders(basePackages)) {
			for (Class<?> nested : holder.getDeclaredClasses()) {
				if (nested.isAnnotationPresent(EventType.class)) {
					events.add(nested);
				}
			}
		}
		return events;
	}

	private static List<Class<?>> holders(List<String> basePackages) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}
		};
		scanner.addIncludeFilter(new AnnotationTypeFilter(EventTopic.class));
		List<Class<?>> holders = new ArrayList<>();
		for (String base : basePackages) {
			for (BeanDefinition found : scanner.findCandidateComponents(base)) {
				holders.add(ClassUtils.resolveClassName(found.getBeanClassName(), EventTopics.class.getClassLoader()));
			}
		}
		return holders;
	}

	public List<NewTopic> topics() {
		List<NewTopic> topics = new ArrayList<>();
		Set<String> main = new TreeSet<>(published);
		main.addAll(consumed);
		for (String topic : main) {
			topics.add(topic(topic, properties.partitionsOf(topic), properties.topicRetention().toMillis()));
		}
		for (String topic : consumed) {
			// a dead letter is read by people, later: one partition, kept longer
			topics.add(topic(topic + DEAD_LETTER_SUFFIX, 1, properties.deadLetterRetention().toMillis()));
		}
		return topics;
	}

	private NewTopic topic(String name, int partitions, long retentionMs) {
		return new NewTopic(name, partitions, properties.replicationFactor())
			.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs)));
	}

	/** Creates the missing topics (and sets retention on existing ones) until it has succeeded once. */
	public void ensureCreated() {
		if (created) {
			return;
		}
		try {
			admin.createOrModifyTopics(topics().toArray(NewTopic[]::new));
			created = true;
		}
		catch (RuntimeException e) {
			log.warn("Kafka topics not created yet, trying again: {}", e.getMessage());
		}
	}

	public boolean created() {
		return created;
	}
}
