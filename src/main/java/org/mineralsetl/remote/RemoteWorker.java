package org.mineralsetl.remote;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code jobs/etl worker}: takes partition requests from the RabbitMQ queue, one at a time per consumer (prefetch 1,
 * acknowledged when the partition has ended), and runs each with Spring Batch's {@link StepExecutionRequestHandler}:
 * the step named in the request, on the step execution the manager created in the job repository. A request whose
 * step execution has already ended (a redelivery after its worker died and a restart ran it) is dropped; one whose
 * step execution is still STARTED (its worker died mid-partition) continues from its last committed chunk.
 */
@Component
public class RemoteWorker {

    private static final Logger log = LoggerFactory.getLogger(RemoteWorker.class);

    private final RemotePartitioning partitioning;
    private final ConnectionFactory connectionFactory;
    private final JobRepository jobRepository;
    private final BeanFactory beanFactory;
    private final AtomicLong done = new AtomicLong();

    RemoteWorker(RemotePartitioning partitioning, ConnectionFactory connectionFactory, JobRepository jobRepository,
                 BeanFactory beanFactory) {
        this.partitioning = partitioning;
        this.connectionFactory = connectionFactory;
        this.jobRepository = jobRepository;
        this.beanFactory = beanFactory;
    }

    /**
     * Takes partitions until the process is stopped (or, with {@code maxPartitions} > 0, until it has run that
     * many). Returns the number of partitions it ran.
     */
    public long run(int consumers, long maxPartitions, PrintWriter out) throws InterruptedException {
        partitioning.requireSharedWarehouse();
        partitioning.declareQueue();
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setStepLocator(steps);
        handler.setJobRepository(jobRepository);
        SimpleMessageConverter converter = new SimpleMessageConverter();
        converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName()));

        CountDownLatch finished = new CountDownLatch(1);
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(partitioning.queue());
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(Math.max(1, consumers));
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        // a partition that fails is recorded FAILED in the job repository; the request itself is never retried
        container.setDefaultRequeueRejected(false);
        container.setMessageListener((Message message) -> {
            StepExecutionRequest request = (StepExecutionRequest) converter.fromMessage(message);
            if (runIfStillWanted(request, handler, out) && maxPartitions > 0 && done.incrementAndGet() >= maxPartitions) {
                finished.countDown();
            }
        });
        Thread hook = new Thread(finished::countDown, "worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        container.afterPropertiesSet();
        container.start();
        out.printf("worker: taking partitions from queue %s (%d at a time); stop with Ctrl-C%n",
                partitioning.queue(), Math.max(1, consumers));
        out.flush();
        try {
            finished.await();
        } finally {
            container.stop();
            container.destroy();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping
            }
        }
        return done.get();
    }

    private boolean runIfStillWanted(StepExecutionRequest request, StepExecutionRequestHandler handler, PrintWriter out) {
        StepExecution current = jobRepository.getStepExecution(request.getStepExecutionId());
        if (current == null) {
            log.warn("dropped {}: no such step execution in the job repository", request);
            return false;
        }
        if (current.getStatus() != BatchStatus.STARTING && current.getStatus() != BatchStatus.STARTED) {
            log.info("dropped {}: its step execution is {} already", request, current.getStatus());
            return false;
        }
        long started = System.nanoTime();
        StepExecution result = handler.handle(request);
        if (result.getStatus() == BatchStatus.FAILED) {
            StepExecution stored = jobRepository.getStepExecution(result.getId());
            if (stored != null && stored.getStatus().isRunning()) {
                stored.setStatus(BatchStatus.FAILED);
                stored.setExitStatus(result.getExitStatus());
                stored.setEndTime(LocalDateTime.now());
                jobRepository.update(stored);
            }
        }
        String file = result.getExecutionContext().getString(RemoteFileStepConfiguration.FILE, null);
        String what = file == null ? result.getWriteCount() + " items written"
                : java.nio.file.Path.of(file).getFileName() + " "
                + result.getExecutionContext().getString(RemoteFileStepConfiguration.STATUS, "not imported");
        out.printf("worker: %s (step execution %d, job execution %d) %s in %.1f s, %s%n",
                result.getStepName(), result.getId(), result.getJobExecutionId(), result.getStatus(),
                (System.nanoTime() - started) / 1e9, what);
        out.flush();
        return true;
    }
}
