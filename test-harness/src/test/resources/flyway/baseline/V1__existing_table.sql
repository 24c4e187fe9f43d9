-- Already applied by hand before Flyway took over: below the baseline, so never run.
CREATE TABLE legacy (id INT PRIMARY KEY, label VARCHAR(20));
