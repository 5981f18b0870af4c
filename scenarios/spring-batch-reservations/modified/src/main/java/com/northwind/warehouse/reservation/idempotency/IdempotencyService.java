package com.northwind.warehouse.reservation.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northwind.warehouse.reservation.batch.BatchReservationResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
public class IdempotencyService {

    private final IdempotencyRecordRepository repository;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public IdempotencyService(
            IdempotencyRecordRepository repository, ObjectMapper objectMapper, Clock clock) {
        this.repository = repository;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public Optional<BatchReservationResponse> findResponse(String key) {
        return repository.findById(key)
                .map(record -> read(record.getResponseBody()));
    }

    public void remember(String key, BatchReservationResponse response) {
        repository.save(new IdempotencyRecord(key, write(response), clock.instant()));
    }

    private BatchReservationResponse read(String json) {
        try {
            return objectMapper.readValue(json, BatchReservationResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent response could not be read", e);
        }
    }

    private String write(BatchReservationResponse response) {
        try {
            return objectMapper.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Reservation response could not be stored", e);
        }
    }
}
