package vn.congvan.dispatch;

import org.springframework.data.jpa.repository.JpaRepository;

interface DispatchTypeRepository extends JpaRepository<DispatchType, String> {}
