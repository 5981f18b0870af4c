package com.northwind.warehouse.reservation;

import com.northwind.warehouse.reservation.batch.BatchReservationResponse;
import com.northwind.warehouse.reservation.batch.BatchReservationResponse.LineResult;
import java.time.Instant;

public record ReservationResponse(
        Long id,
        String orderId,
        String warehouseId,
        String sku,
        int quantity,
        String status,
        Instant expiresAt) {

    public static ReservationResponse from(Reservation reservation) {
        return new ReservationResponse(
                reservation.getId(),
                reservation.getOrderId(),
                reservation.getWarehouseId(),
                reservation.getSku(),
                reservation.getQuantity(),
                reservation.getStatus().name(),
                reservation.getExpiresAt());
    }

    public static ReservationResponse from(BatchReservationResponse response) {
        LineResult line = response.lines().get(0);
        return new ReservationResponse(
                line.reservationId(),
                response.orderId(),
                response.warehouseId(),
                line.sku(),
                line.quantity(),
                line.status() == BatchReservationResponse.LineStatus.RESERVED
                        ? Reservation.Status.HELD.name()
                        : line.status().name(),
                line.expiresAt());
    }
}
