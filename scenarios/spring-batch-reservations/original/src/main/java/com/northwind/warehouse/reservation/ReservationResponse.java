package com.northwind.warehouse.reservation;

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
}
