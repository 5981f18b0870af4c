package com.northwind.warehouse.reservation;

import com.northwind.warehouse.inventory.StockLevel;
import com.northwind.warehouse.inventory.StockLevelRepository;
import java.time.Clock;
import java.time.Instant;
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
    private final ReservationProperties properties;
    private final Clock clock;

    public ReservationService(
            StockLevelRepository stockLevelRepository,
            ReservationRepository reservationRepository,
            ReservationProperties properties,
            Clock clock) {
        this.stockLevelRepository = stockLevelRepository;
        this.reservationRepository = reservationRepository;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Reservation reserve(ReserveRequest request) {
        StockLevel stock = stockLevelRepository
                .findForUpdate(request.warehouseId(), request.sku())
                .orElseThrow(() -> new UnknownSkuException(request.warehouseId(), request.sku()));

        if (stock.available() < request.quantity()) {
            throw new InsufficientStockException(
                    request.warehouseId(), request.sku(), request.quantity(), stock.available());
        }

        stock.setReserved(stock.getReserved() + request.quantity());

        Instant now = clock.instant();
        Reservation reservation = reservationRepository.save(new Reservation(
                request.orderId(),
                request.warehouseId(),
                request.sku(),
                request.quantity(),
                now,
                now.plus(properties.holdDuration())));

        log.info("Reserved {} x {} in {} for order {} (reservation {})",
                request.quantity(), request.sku(), request.warehouseId(),
                request.orderId(), reservation.getId());
        return reservation;
    }

    @Transactional(readOnly = true)
    public List<Reservation> findByOrder(String orderId) {
        return reservationRepository.findByOrderId(orderId);
    }
}
