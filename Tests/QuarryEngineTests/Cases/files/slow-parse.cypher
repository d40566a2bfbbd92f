RETURN [-[(aE{a:
WIRET [-[(aE{a:
aE{a:
WICASETETURN [-T [-[(aE{a:
aE{a:
WITETURN [-IÙšRCE.a:
WITETURN [-T [-ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs =$a.ns = a.ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs = a.ns = a.nÿ.deathsÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs = a.ns = a.nÿÿÿÿÿÿÿÿÿÿs =$a.ns = a.ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs = a.ns = a.nÿÿÿÿ = a.nÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs = a.ns = a.nÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs =$a.nsns = a.nÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿN [-[(aE{a:
WIRET [-[(aE{a:
aE{a:
WICASETETURN [-T [-[(aE{a:
aE{a:
WITETURN [-IÙšRCE.a:
WITETURN [-T [-ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs =$a.ns = a.ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿs =$a.ns = a.ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs = a.ns =ETURN [-[(aE{a:
WIRET [-[(aE{a:
aE{a:
WICASETETURN [-T [-[(aE{a:
aE{a:
WITETURN [-IÙšRCE.a:
WITETURN [-T [-ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs =$a.ns = a.ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs = a.ns = a.nÿ.deathsÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs = a.ns = a.nÿÿÿÿÿÿÿÿÿÿs =$a.ns = a.ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs = a.ns = a.nÿÿÿÿ = a.nÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs = a.ns = a.nÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs =$a.nsns = a.nÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿN [-[(aE{a:
WIRET [-[(aE{a:
aE{a:
WICASETETURN [-T [-[(aE{a:
aE{a:
WITETURN [-IÙšRCE.a:
WITETURN [-T [-ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs =$a.ns = a.ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿs =$a.ns = a.ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs = a.ns = a.nÿÿÿÿ = a.nÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ]ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿàÚßÈ AND e.score  <57[(aE{a:
aE{a:
WIT) URN [-IÙšRCE.[ MAzn)-RETURN [ MAzn)-RETURN [ RCE.[ MA{n)-RETURN [ [:(IÙšRCE.[ MAzn)-RETURN [ RCE.[ MA{n)-RETURN ÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs = a.ns = a.nÿÿÿÿ = a.nÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿàÚßÈ AND e.score  <58[(aE{a:
aE{a:
WITETURN [-IÙšRCE.[ MAzn)-RETURN [ MAzn)-RETURN [ RCE.[ MA{n)-RETUR[  N[:(IÙšRCE.[ MAzn)-RETURN [ RCE.[ MA{n)-R a.nÿÿÿÿ = a.nÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ]ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿàÚßÈ AND e.score  <57[(aE{a:
aE{a:
WIT) URN [-IÙšRCE.[ MAzn)-RETURN [ MAzn)-RETURN [ RCE.[ MA{n)-RETURN [ [:(IÙšRCE.[ MAzn)-RETURN [ RCE.[ MA{n)-RETURN ÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿs = a.ns = a.nÿÿÿÿ = a.nÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿïÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿàÚßÈ AND e.score  <58[(aE{a:
aE{a:
WITETURN [-IÙšRCE.[ MAzn)-RETURN [ MAzn)-RETURN [ RCE.[ MA{n)-RETUR[  N[:(IÙšRCE.[ MAzn)-RETURN [ RCE.[ MA{n)-RETURN [ [((]