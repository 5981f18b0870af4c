package com.northwind.warehouse.reservation;

import com.northwind.warehouse.inventory.StockLevel;
import com.northwind.warehouse.inventory.StockLevelRepository;
import com.northwind.warehouse.reservation.audit.ReservationAuditEvent;
import com.northwind.warehouse.reservation.audit.ReservationAuditPublisher;
import com.northwind.warehouse.reservation.batch.BatchReservationRequest;
import com.northwind.warehouse.reservation.batch.BatchReservationResponse;
import com.northwind.warehouse.reservation.batch.BatchReservationResponse.LineResult;
import com.northwind.warehouse.reservation.cache.AvailabilityCache;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);

    private final StockLevelRepository stockLevelRepository;
    private final ReservationRepository reservationRepository;
    private final AvailabilityCache availabilityCache;
    private final ReservationAuditPublisher auditPublisher;
    private final Clock clock;

    public ReservationService(
            StockLevelRepository stockLevelRepository,
            ReservationRepository reservationRepository,
            AvailabilityCache availabilityCache,
            ReservationAuditPublisher auditPublisher,
            Clock clock) {
        this.stockLevelRepository = stockLevelRepository;
        this.reservationRepository = reservationRepository;
        this.availabilityCache = availabilityCache;
        this.auditPublisher = auditPublisher;
        this.clock = clock;
    }

    public BatchReservationResponse reserve(ReserveRequest request, String requestedBy) {
        return reserveBatch(BatchReservationRequest.single(request, requestedBy));
    }

    @Transactional
    public BatchReservationResponse reserveBatch(BatchReservationRequest request) {
        List<LineResult> results = new ArrayList<>();
        for (BatchReservationRequest.Line line : request.lines()) {
            try {
                Reservation reservation = reserveLine(request.orderId(), request.warehouseId(), line);
                results.add(LineResult.reserved(reservation));
            } catch (InsufficientStockException e) {
                results.add(LineResult.rejected(line.sku(), line.quantity(), e.getMessage()));
            }
        }

        auditPublisher.publish(ReservationAuditEvent.reservationsWritten(
                request.orderId(), request.warehouseId(), request.requestedBy(), results));

        log.info("Reserved batch for order {} in {}: {} lines",
                request.orderId(), request.warehouseId(), results.size());
        return new BatchReservationResponse(request.orderId(), request.warehouseId(), results);
    }

    private Reservation reserveLine(String orderId, String warehouseId, BatchReservationRequest.Line line) {
        int available = availabilityCache.available(warehouseId, line.sku());
        if (available < line.quantity()) {
            throw new InsufficientStockException(warehouseId, line.sku(), line.quantity(), available);
        }

        StockLevel stock = stockLevelRepository.findByWarehouseIdAndSku(warehouseId, line.sku())
                .orElseThrow(() -> new UnknownSkuException(warehouseId, line.sku()));
        stock.setReserved(stock.getReserved() + line.quantity());
        stockLevelRepository.save(stock);

        Instant now = clock.instant();
        return reservationRepository.save(new Reservation(
                orderId, warehouseId, line.sku(), line.quantity(), now, now.plusSeconds(900)));
    }

    @Transactional(readOnly = true)
    public List<Reservation> findByOrder(String orderId) {
        return reservationRepository.findByOrderId(orderId);
    }
}
