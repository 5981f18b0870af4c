package com.northwind.warehouse.reservation.audit;

import com.northwind.warehouse.reservation.batch.BatchReservationResponse.LineResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ReservationAuditEvent(
        String eventId,
        String type,
        String orderId,
        String warehouseId,
        String actor,
        List<Line> lines,
        Instant occurredAt) {

    public record Line(String sku, int quantity, String status, Long reservationId) {
    }

    public static ReservationAuditEvent reservationsWritten(
            String orderId, String warehouseId, String actor, List<LineResult> results) {
        List<Line> lines = results.stream()
                .map(result -> new Line(
                        result.sku(), result.quantity(), result.status().name(), result.reservationId()))
                .toList();
        return new ReservationAuditEvent(
                UUID.randomUUID().toString(),
                "RESERVATIONS_WRITTEN",
                orderId,
                warehouseId,
                actor,
                lines,
                Instant.now());
    }
}
