package com.northwind.warehouse.reservation.batch;

import com.northwind.warehouse.reservation.Reservation;
import java.time.Instant;
import java.util.List;

public record BatchReservationResponse(String orderId, String warehouseId, List<LineResult> lines) {

    public enum LineStatus {
        RESERVED,
        REJECTED
    }

    public record LineResult(
            String sku,
            int quantity,
            LineStatus status,
            Long reservationId,
            Instant expiresAt,
            String message) {

        public static LineResult reserved(Reservation reservation) {
            return new LineResult(
                    reservation.getSku(),
                    reservation.getQuantity(),
                    LineStatus.RESERVED,
                    reservation.getId(),
                    reservation.getExpiresAt(),
                    null);
        }

        public static LineResult rejected(String sku, int quantity, String message) {
            return new LineResult(sku, quantity, LineStatus.REJECTED, null, null, message);
        }
    }
}
