/**
 * Test fixtures shared by every Crossdesk module.
 *
 * <ul>
 *   <li>{@link org.crossdesk.testsupport.KafkaFixture}: one real in-process KRaft broker per test JVM,
 *       started on first use, stopped when the JVM exits.</li>
 *   <li>{@link org.crossdesk.testsupport.RegistryFixture}: one embedded Crossdesk schema registry per
 *       test JVM, on that broker.</li>
 *   <li>{@link org.crossdesk.testsupport.CrossdeskKafka}: a JUnit annotation that starts both before a
 *       class runs and publishes their addresses as system properties, which Spring Boot tests read.</li>
 *   <li>{@link org.crossdesk.testsupport.TopicProbe}: reads everything on a topic with a fresh
 *       consumer and waits, with Awaitility, until expected records appear.</li>
 *   <li>The example events of libs/events' test-jar ({@code org.crossdesk.events.examples}) come along
 *       as a dependency.</li>
 * </ul>
 *
 * <p>Sharing one broker and one registry per JVM keeps a module's tests fast (a KRaft broker costs
 * seconds to start on two cores); tests isolate themselves with their own topic and subject names.
 */
package org.crossdesk.testsupport;
