CREATE TABLE ${table_name} (id INT PRIMARY KEY, label VARCHAR(40) DEFAULT '${default_label}');
INSERT INTO ${table_name} (id) VALUES (1);
