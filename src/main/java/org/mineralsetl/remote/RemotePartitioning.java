package org.mineralsetl.remote;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The manager's side of remote partitioning: Spring Batch's {@link MessageChannelPartitionHandler} sends one
 * StepExecutionRequest per partition to the RabbitMQ queue (etl.remote.queue) and polls the job repository (the
 * warehouse's batch tables) until every partition's step execution has ended, or etl.remote.timeout has passed.
 * Nothing here connects to the broker before a remote run sends its first request.
 */
@Component
class RemotePartitioning {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitioning.class);

    private final JobRepository jobRepository;
    private final RabbitTemplate rabbit;
    private final AmqpAdmin admin;
    private final BeanFactory beanFactory;
    private final String queue;
    private final Duration pollInterval;
    private final Duration timeout;
    private final String warehouseUrl;

    RemotePartitioning(JobRepository jobRepository, RabbitTemplate rabbit, AmqpAdmin admin, BeanFactory beanFactory,
                       @Value("${etl.remote.queue:minerals-etl.partitions}") String queue,
                       @Value("${etl.remote.poll-interval:1s}") Duration pollInterval,
                       @Value("${etl.remote.timeout:6h}") Duration timeout,
                       @Value("${warehouse.url:}") String warehouseUrl) {
        this.jobRepository = jobRepository;
        this.rabbit = rabbit;
        this.admin = admin;
        this.beanFactory = beanFactory;
        this.queue = queue;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        this.warehouseUrl = warehouseUrl;
    }

    String queue() {
        return queue;
    }

    Duration timeout() {
        return timeout;
    }

    /** Workers on other processes or hosts must reach the warehouse: the embedded one is private to its process. */
    void requireSharedWarehouse() {
        if (warehouseUrl == null || warehouseUrl.isBlank()) {
            throw new IllegalStateException("remote partitioning needs a warehouse every worker can reach: set"
                    + " WAREHOUSE_URL (the embedded warehouse belongs to one process)");
        }
    }

    /** Declares the durable queue of partition requests (idempotent); connects to the broker. */
    void declareQueue() {
        admin.declareQueue(new Queue(queue, true, false, false));
    }

    /** Sends each partition of the step named {@code workerStep} to the queue and waits for the workers. */
    PartitionHandler handler(String workerStep, int gridSize) {
        AmqpOutboundEndpoint toBroker = new AmqpOutboundEndpoint(rabbit);
        toBroker.setExchangeName("");
        toBroker.setRoutingKey(queue);
        toBroker.setBeanFactory(beanFactory);
        toBroker.afterPropertiesSet();
        DirectChannel requests = new DirectChannel();
        requests.subscribe(toBroker);
        MessagingTemplate template = new MessagingTemplate(requests);

        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler() {
            @Override
            protected java.util.Set<StepExecution> doHandle(StepExecution manager,
                                                            java.util.Set<StepExecution> partitions) throws Exception {
                declareQueue();
                log.info("{}: {} partitions sent to queue {}; waiting for the workers", manager.getStepName(),
                        partitions.size(), queue);
                return super.doHandle(manager, partitions);
            }
        };
        handler.setStepName(workerStep);
        handler.setGridSize(gridSize);
        handler.setJobRepository(jobRepository);
        handler.setMessagingOperations(template);
        handler.setPollInterval(pollInterval.toMillis());
        handler.setTimeout(timeout.toMillis());
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return handler;
    }

    /**
     * After the manager step: a partition still STARTING or STARTED when the manager gave up (a worker died, or
     * none took it in time) is marked FAILED, so that {@code restart} runs it again from its last committed chunk.
     */
    StepExecutionListener staleWorkers(String workerStep) {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution manager) {
                if (manager.getStatus() == BatchStatus.COMPLETED) {
                    return null;
                }
                var job = jobRepository.getJobExecution(manager.getJobExecutionId());
                for (StepExecution s : job.getStepExecutions()) {
                    if (s.getStepName().startsWith(workerStep + ":") && s.getStatus().isRunning()) {
                        s.setStatus(BatchStatus.FAILED);
                        s.setExitStatus(ExitStatus.FAILED.addExitDescription("no result from a worker within "
                                + timeout + " (worker gone?); restart runs this partition again"));
                        s.setEndTime(LocalDateTime.now());
                        jobRepository.update(s);
                        log.warn("partition {} (step execution {}) had no result from a worker; marked FAILED",
                                s.getStepName(), s.getId());
                    }
                }
                return null;
            }
        };
    }
}
