package com.northwind.warehouse.reservation;

import com.northwind.warehouse.reservation.batch.BatchReservationRequest;
import com.northwind.warehouse.reservation.batch.BatchReservationResponse;
import com.northwind.warehouse.reservation.idempotency.IdempotencyService;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reservations")
public class ReservationController {

    private final ReservationService reservationService;
    private final IdempotencyService idempotencyService;

    public ReservationController(
            ReservationService reservationService, IdempotencyService idempotencyService) {
        this.reservationService = reservationService;
        this.idempotencyService = idempotencyService;
    }

    @PostMapping
    public ResponseEntity<ReservationResponse> reserve(
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(value = "X-Requested-By", defaultValue = "unknown") String requestedBy,
            @Valid @RequestBody ReserveRequest request) {
        if (idempotencyKey != null) {
            Optional<BatchReservationResponse> previous = idempotencyService.findResponse(idempotencyKey);
            if (previous.isPresent()) {
                return ResponseEntity.ok(ReservationResponse.from(previous.get()));
            }
        }

        BatchReservationResponse response = reservationService.reserve(request, requestedBy);
        if (idempotencyKey != null) {
            idempotencyService.remember(idempotencyKey, response);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(ReservationResponse.from(response));
    }

    @PostMapping("/batch")
    public ResponseEntity<BatchReservationResponse> reserveBatch(
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody BatchReservationRequest request) {
        if (idempotencyKey != null) {
            Optional<BatchReservationResponse> previous = idempotencyService.findResponse(idempotencyKey);
            if (previous.isPresent()) {
                return ResponseEntity.ok(previous.get());
            }
        }

        BatchReservationResponse response = reservationService.reserveBatch(request);
        if (idempotencyKey != null) {
            idempotencyService.remember(idempotencyKey, response);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(response);
    }

    @GetMapping("/orders/{orderId}")
    public List<ReservationResponse> forOrder(@PathVariable String orderId) {
        return reservationService.findByOrder(orderId).stream()
                .map(ReservationResponse::from)
                .toList();
    }

    @ExceptionHandler(DataAccessException.class)
    public ResponseEntity<Map<String, String>> onDataAccess(DataAccessException e) {
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Map.of("error", e.getMostSpecificCause().getMessage()));
    }
}
