package com.northwind.warehouse.reservation.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

@Component
public class ReservationAuditPublisher {

    private static final Logger log = LoggerFactory.getLogger(ReservationAuditPublisher.class);

    static final String TOPIC = "warehouse.reservation-audit";

    private final KafkaTemplate<String, String> kafkaTemplate;

    public ReservationAuditPublisher(KafkaTemplate<String, String> kafkaTemplate) {
        this.kafkaTemplate = kafkaTemplate;
    }

    public void publish(ReservationAuditEvent event) {
        try {
            ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
            String payload = mapper.writeValueAsString(event);
            kafkaTemplate.send(TOPIC, event.orderId(), payload).get();
        } catch (Exception e) {
            log.warn("Could not publish audit event for order {}", event.orderId(), e);
        }
    }
}
