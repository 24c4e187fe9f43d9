INSERT INTO event VALUES (2, 'second');
