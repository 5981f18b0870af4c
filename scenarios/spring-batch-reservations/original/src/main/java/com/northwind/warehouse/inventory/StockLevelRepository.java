package com.northwind.warehouse.inventory;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StockLevelRepository extends JpaRepository<StockLevel, Long> {

    Optional<StockLevel> findByWarehouseIdAndSku(String warehouseId, String sku);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from StockLevel s where s.warehouseId = :warehouseId and s.sku = :sku")
    Optional<StockLevel> findForUpdate(
            @Param("warehouseId") String warehouseId, @Param("sku") String sku);
}
